-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "closeRequestDueAt" DATETIME;
ALTER TABLE "Ticket" ADD COLUMN "closeRequestReason" TEXT;
ALTER TABLE "Ticket" ADD COLUMN "closeRequestedAt" DATETIME;
ALTER TABLE "Ticket" ADD COLUMN "closeRequestedById" TEXT;
ALTER TABLE "Ticket" ADD COLUMN "pendingName" TEXT;
ALTER TABLE "Ticket" ADD COLUMN "pendingNameAt" DATETIME;

-- CreateTable
CREATE TABLE "Snippet" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "guildId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "embed" BOOLEAN NOT NULL DEFAULT false,
    "title" TEXT,
    "createdById" TEXT NOT NULL,
    "updatedById" TEXT,
    "uses" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Snippet_guildId_name_key" ON "Snippet"("guildId", "name");

-- CreateIndex
CREATE INDEX "Ticket_status_closeRequestDueAt_idx" ON "Ticket"("status", "closeRequestDueAt");

-- CreateIndex
CREATE INDEX "Ticket_status_pendingNameAt_idx" ON "Ticket"("status", "pendingNameAt");

