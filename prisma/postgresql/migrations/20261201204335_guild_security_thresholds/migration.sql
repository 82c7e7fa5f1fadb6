-- AlterTable
ALTER TABLE "GuildSettings" ADD COLUMN     "raidJoins" INTEGER,
ADD COLUMN     "raidMinutes" INTEGER,
ADD COLUMN     "raidSeconds" INTEGER,
ADD COLUMN     "spamMessages" INTEGER,
ADD COLUMN     "spamSeconds" INTEGER,
ADD COLUMN     "spamTimeoutMinutes" INTEGER;

