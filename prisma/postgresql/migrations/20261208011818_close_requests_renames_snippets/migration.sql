-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "closeRequestDueAt" TIMESTAMP(3),
ADD COLUMN     "closeRequestReason" TEXT,
ADD COLUMN     "closeRequestedAt" TIMESTAMP(3),
ADD COLUMN     "closeRequestedById" TEXT,
ADD COLUMN     "pendingName" TEXT,
ADD COLUMN     "pendingNameAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Snippet" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "embed" BOOLEAN NOT NULL DEFAULT false,
    "title" TEXT,
    "createdById" TEXT NOT NULL,
    "updatedById" TEXT,
    "uses" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Snippet_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Snippet_guildId_name_key" ON "Snippet"("guildId", "name");

-- CreateIndex
CREATE INDEX "Ticket_status_closeRequestDueAt_idx" ON "Ticket"("status", "closeRequestDueAt");

-- CreateIndex
CREATE INDEX "Ticket_status_pendingNameAt_idx" ON "Ticket"("status", "pendingNameAt");

