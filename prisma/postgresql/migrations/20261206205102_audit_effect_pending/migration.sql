-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "effectPendingAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "AuditEvent_effectPendingAt_idx" ON "AuditEvent"("effectPendingAt");

