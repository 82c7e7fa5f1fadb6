-- AlterTable
ALTER TABLE "GuildSettings" ADD COLUMN "raidModeUntil" DATETIME;

