-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_GuildSettings" (
    "guildId" TEXT NOT NULL PRIMARY KEY,
    "locale" TEXT,
    "prefix" TEXT,
    "transcriptChannelId" TEXT,
    "logChannelId" TEXT,
    "ticketParentId" TEXT,
    "supportRoleIds" TEXT NOT NULL DEFAULT '[]',
    "adminRoleIds" TEXT NOT NULL DEFAULT '[]',
    "escalationRoleIds" TEXT NOT NULL DEFAULT '[]',
    "channelNamePattern" TEXT,
    "allowOpenerClose" BOOLEAN,
    "dmTranscripts" BOOLEAN NOT NULL DEFAULT false,
    "cooldownSeconds" INTEGER,
    "hourlyLimit" INTEGER,
    "maxOpenPerUser" INTEGER,
    "inactivityHours" INTEGER,
    "incidentWebhookUrl" TEXT,
    "lockdown" BOOLEAN NOT NULL DEFAULT false,
    "lockdownReason" TEXT,
    "lockdownById" TEXT,
    "lockdownAt" DATETIME,
    "categoriesBootstrapped" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_GuildSettings" ("adminRoleIds", "allowOpenerClose", "categoriesBootstrapped", "channelNamePattern", "cooldownSeconds", "createdAt", "dmTranscripts", "escalationRoleIds", "guildId", "hourlyLimit", "inactivityHours", "incidentWebhookUrl", "locale", "lockdown", "lockdownAt", "lockdownById", "lockdownReason", "logChannelId", "maxOpenPerUser", "prefix", "supportRoleIds", "ticketParentId", "transcriptChannelId", "updatedAt") SELECT "adminRoleIds", "allowOpenerClose", "categoriesBootstrapped", "channelNamePattern", "cooldownSeconds", "createdAt", "dmTranscripts", "escalationRoleIds", "guildId", "hourlyLimit", "inactivityHours", "incidentWebhookUrl", "locale", "lockdown", "lockdownAt", "lockdownById", "lockdownReason", "logChannelId", "maxOpenPerUser", "prefix", "supportRoleIds", "ticketParentId", "transcriptChannelId", "updatedAt" FROM "GuildSettings";
DROP TABLE "GuildSettings";
ALTER TABLE "new_GuildSettings" RENAME TO "GuildSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Guilds could not choose these before: a stored value was the column default, so config.yaml decides now.
UPDATE "GuildSettings" SET "locale" = NULL, "allowOpenerClose" = NULL;
