-- AlterTable
ALTER TABLE "GuildSettings" ADD COLUMN     "categoriesBootstrapped" BOOLEAN NOT NULL DEFAULT false;

