-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "effectPendingAt" DATETIME;

-- CreateIndex
CREATE INDEX "AuditEvent_effectPendingAt_idx" ON "AuditEvent"("effectPendingAt");

