-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "transcriptPostedAt" TIMESTAMP(3);


-- Tickets whose transcript was saved before this column existed were posted then.
UPDATE "Ticket" SET "transcriptPostedAt" = "closedAt" WHERE "status" = 'closed' AND "transcriptHtmlPath" IS NOT NULL;
