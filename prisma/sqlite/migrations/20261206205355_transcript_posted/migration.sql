-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "transcriptPostedAt" DATETIME;


-- Tickets whose transcript was saved before this column existed were posted then.
UPDATE "Ticket" SET "transcriptPostedAt" = "closedAt" WHERE "status" = 'closed' AND "transcriptHtmlPath" IS NOT NULL;
