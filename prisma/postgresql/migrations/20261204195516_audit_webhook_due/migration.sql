-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "webhookDueAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "AuditEvent_webhookDueAt_idx" ON "AuditEvent"("webhookDueAt");

