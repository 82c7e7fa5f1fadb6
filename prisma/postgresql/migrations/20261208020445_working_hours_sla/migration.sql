-- AlterTable
ALTER TABLE "Category" ADD COLUMN     "outOfHours" TEXT NOT NULL DEFAULT 'notice',
ADD COLUMN     "resolutionSlaMinutes" INTEGER,
ADD COLUMN     "workingHours" TEXT;

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "resolutionDueAt" TIMESTAMP(3),
ADD COLUMN     "resolutionWarnAt" TIMESTAMP(3),
ADD COLUMN     "resolutionWarnedAt" TIMESTAMP(3),
ADD COLUMN     "slaWarnAt" TIMESTAMP(3),
ADD COLUMN     "slaWarnedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Ticket_status_slaWarnAt_idx" ON "Ticket"("status", "slaWarnAt");

-- CreateIndex
CREATE INDEX "Ticket_status_resolutionWarnAt_idx" ON "Ticket"("status", "resolutionWarnAt");

