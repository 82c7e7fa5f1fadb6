-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "resolutionDueAt" DATETIME;
ALTER TABLE "Ticket" ADD COLUMN "resolutionWarnAt" DATETIME;
ALTER TABLE "Ticket" ADD COLUMN "resolutionWarnedAt" DATETIME;
ALTER TABLE "Ticket" ADD COLUMN "slaWarnAt" DATETIME;
ALTER TABLE "Ticket" ADD COLUMN "slaWarnedAt" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Category" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "guildId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "description" TEXT,
    "emoji" TEXT,
    "slaMinutes" INTEGER,
    "resolutionSlaMinutes" INTEGER,
    "workingHours" TEXT,
    "outOfHours" TEXT NOT NULL DEFAULT 'notice',
    "defaultPriority" TEXT NOT NULL DEFAULT 'normal',
    "defaultTags" TEXT NOT NULL DEFAULT '[]',
    "staffRoleIds" TEXT NOT NULL DEFAULT '[]',
    "parentChannelId" TEXT,
    "anonymousAllowed" BOOLEAN NOT NULL DEFAULT false,
    "captcha" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Category" ("anonymousAllowed", "captcha", "createdAt", "defaultPriority", "defaultTags", "description", "displayName", "emoji", "guildId", "id", "key", "parentChannelId", "position", "slaMinutes", "staffRoleIds", "updatedAt") SELECT "anonymousAllowed", "captcha", "createdAt", "defaultPriority", "defaultTags", "description", "displayName", "emoji", "guildId", "id", "key", "parentChannelId", "position", "slaMinutes", "staffRoleIds", "updatedAt" FROM "Category";
DROP TABLE "Category";
ALTER TABLE "new_Category" RENAME TO "Category";
CREATE UNIQUE INDEX "Category_guildId_key_key" ON "Category"("guildId", "key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Ticket_status_slaWarnAt_idx" ON "Ticket"("status", "slaWarnAt");

-- CreateIndex
CREATE INDEX "Ticket_status_resolutionWarnAt_idx" ON "Ticket"("status", "resolutionWarnAt");

