-- CreateTable
CREATE TABLE "TicketMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "guildId" TEXT NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "messageId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "authorUsername" TEXT NOT NULL,
    "authorBot" BOOLEAN NOT NULL DEFAULT false,
    "content" TEXT NOT NULL,
    "embeds" TEXT NOT NULL DEFAULT '[]',
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "replyToId" TEXT,
    "createdAt" DATETIME NOT NULL,
    "editedAt" DATETIME,
    "deletedAt" DATETIME,
    CONSTRAINT "TicketMessage_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TicketMessage_guildId_ticketId_createdAt_idx" ON "TicketMessage"("guildId", "ticketId", "createdAt");

-- CreateIndex
CREATE INDEX "TicketMessage_guildId_createdAt_idx" ON "TicketMessage"("guildId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "TicketMessage_guildId_messageId_key" ON "TicketMessage"("guildId", "messageId");

