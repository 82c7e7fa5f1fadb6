-- AlterTable
ALTER TABLE "GuildSettings" ADD COLUMN "raidJoins" INTEGER;
ALTER TABLE "GuildSettings" ADD COLUMN "raidMinutes" INTEGER;
ALTER TABLE "GuildSettings" ADD COLUMN "raidSeconds" INTEGER;
ALTER TABLE "GuildSettings" ADD COLUMN "spamMessages" INTEGER;
ALTER TABLE "GuildSettings" ADD COLUMN "spamSeconds" INTEGER;
ALTER TABLE "GuildSettings" ADD COLUMN "spamTimeoutMinutes" INTEGER;

