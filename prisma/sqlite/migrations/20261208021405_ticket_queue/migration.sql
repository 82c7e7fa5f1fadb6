-- CreateTable
CREATE TABLE "TicketWait" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "guildId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "categoryId" INTEGER NOT NULL,
    "answers" TEXT NOT NULL DEFAULT '[]',
    "source" TEXT NOT NULL,
    "takenAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "TicketWait_guildId_id_idx" ON "TicketWait"("guildId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "TicketWait_guildId_userId_categoryId_key" ON "TicketWait"("guildId", "userId", "categoryId");

