-- AlterTable
ALTER TABLE "GuildSettings" ADD COLUMN     "raidModeUntil" TIMESTAMP(3);

