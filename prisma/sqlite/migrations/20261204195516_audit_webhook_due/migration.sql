-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "webhookDueAt" DATETIME;

-- CreateIndex
CREATE INDEX "AuditEvent_webhookDueAt_idx" ON "AuditEvent"("webhookDueAt");

