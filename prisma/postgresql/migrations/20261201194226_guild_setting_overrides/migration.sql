-- AlterTable
ALTER TABLE "GuildSettings" ALTER COLUMN "locale" DROP NOT NULL,
ALTER COLUMN "locale" DROP DEFAULT,
ALTER COLUMN "allowOpenerClose" DROP NOT NULL,
ALTER COLUMN "allowOpenerClose" DROP DEFAULT;


-- Guilds could not choose these before: a stored value was the column default, so config.yaml decides now.
UPDATE "GuildSettings" SET "locale" = NULL, "allowOpenerClose" = NULL;
