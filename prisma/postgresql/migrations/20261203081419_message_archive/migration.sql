-- CreateTable
CREATE TABLE "TicketMessage" (
    "id" SERIAL NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL,
    "editedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "TicketMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TicketMessage_guildId_ticketId_createdAt_idx" ON "TicketMessage"("guildId", "ticketId", "createdAt");

-- CreateIndex
CREATE INDEX "TicketMessage_guildId_createdAt_idx" ON "TicketMessage"("guildId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "TicketMessage_guildId_messageId_key" ON "TicketMessage"("guildId", "messageId");

-- AddForeignKey
ALTER TABLE "TicketMessage" ADD CONSTRAINT "TicketMessage_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

