-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "webhookPending" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "AuditEvent_webhookPending_id_idx" ON "AuditEvent"("webhookPending", "id");

