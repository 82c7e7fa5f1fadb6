-- CreateTable
CREATE TABLE "TicketWait" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "categoryId" INTEGER NOT NULL,
    "answers" TEXT NOT NULL DEFAULT '[]',
    "source" TEXT NOT NULL,
    "takenAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketWait_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TicketWait_guildId_id_idx" ON "TicketWait"("guildId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "TicketWait_guildId_userId_categoryId_key" ON "TicketWait"("guildId", "userId", "categoryId");

