-- CreateIndex
CREATE INDEX "Ticket_guildId_ownerId_idx" ON "Ticket"("guildId", "ownerId");

-- CreateIndex
CREATE INDEX "Ticket_guildId_claimedById_idx" ON "Ticket"("guildId", "claimedById");

