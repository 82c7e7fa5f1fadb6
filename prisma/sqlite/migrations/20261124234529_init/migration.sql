-- CreateTable
CREATE TABLE "GuildSettings" (
    "guildId" TEXT NOT NULL PRIMARY KEY,
    "locale" TEXT NOT NULL DEFAULT 'en-US',
    "prefix" TEXT,
    "transcriptChannelId" TEXT,
    "logChannelId" TEXT,
    "ticketParentId" TEXT,
    "supportRoleIds" TEXT NOT NULL DEFAULT '[]',
    "adminRoleIds" TEXT NOT NULL DEFAULT '[]',
    "escalationRoleIds" TEXT NOT NULL DEFAULT '[]',
    "channelNamePattern" TEXT,
    "allowOpenerClose" BOOLEAN NOT NULL DEFAULT false,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TicketCounter" (
    "guildId" TEXT NOT NULL PRIMARY KEY,
    "value" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Category" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "guildId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "description" TEXT,
    "emoji" TEXT,
    "slaMinutes" INTEGER,
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

-- CreateTable
CREATE TABLE "CategoryQuestion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "guildId" TEXT NOT NULL,
    "categoryId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "placeholder" TEXT,
    "style" TEXT NOT NULL DEFAULT 'short',
    "required" BOOLEAN NOT NULL DEFAULT true,
    "minLength" INTEGER,
    "maxLength" INTEGER,
    "pattern" TEXT,
    CONSTRAINT "CategoryQuestion_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Department" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "guildId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "staffRoleIds" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Panel" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "guildId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "buttonLabel" TEXT,
    "emoji" TEXT,
    "buttonStyle" TEXT NOT NULL DEFAULT 'primary',
    "mode" TEXT NOT NULL DEFAULT 'buttons',
    "categoryKeys" TEXT NOT NULL DEFAULT '[]',
    "messageId" TEXT,
    "deployedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Ticket" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "guildId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "channelId" TEXT,
    "categoryId" INTEGER,
    "departmentId" INTEGER,
    "openerId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "claimedById" TEXT,
    "claimedAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'open',
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "priority" TEXT NOT NULL DEFAULT 'normal',
    "tags" TEXT NOT NULL DEFAULT '[]',
    "escalationLevel" INTEGER NOT NULL DEFAULT 0,
    "answers" TEXT NOT NULL DEFAULT '[]',
    "slaDueAt" DATETIME,
    "firstResponseAt" DATETIME,
    "firstResponderId" TEXT,
    "lastActivityAt" DATETIME,
    "openerLastActivityAt" DATETIME,
    "inactivityWarnedAt" DATETIME,
    "scheduledCloseAt" DATETIME,
    "scheduledCloseById" TEXT,
    "scheduledCloseReason" TEXT,
    "closedAt" DATETIME,
    "closedById" TEXT,
    "closeReason" TEXT,
    "softDeletedAt" DATETIME,
    "purgedAt" DATETIME,
    "transcriptHtmlPath" TEXT,
    "transcriptTxtPath" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Ticket_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ticket_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TicketParticipant" (
    "ticketId" INTEGER NOT NULL,
    "guildId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "addedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("ticketId", "userId"),
    CONSTRAINT "TicketParticipant_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TicketNote" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "guildId" TEXT NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "authorId" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TicketNote_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "guildId" TEXT NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "stars" INTEGER NOT NULL,
    "message" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Feedback_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StaffResponse" (
    "ticketId" INTEGER NOT NULL,
    "guildId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "firstAt" DATETIME NOT NULL,
    "lastAt" DATETIME NOT NULL,

    PRIMARY KEY ("ticketId", "staffId"),
    CONSTRAINT "StaffResponse_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "guildId" TEXT NOT NULL,
    "ticketId" INTEGER,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "targetId" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "BlacklistEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "guildId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "expiresAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "StaffWarning" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "guildId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SecurityEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "guildId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "userId" TEXT,
    "channelId" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ConfigBackup" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "guildId" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "checksum" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "Category_guildId_key_key" ON "Category"("guildId", "key");

-- CreateIndex
CREATE INDEX "CategoryQuestion_guildId_idx" ON "CategoryQuestion"("guildId");

-- CreateIndex
CREATE UNIQUE INDEX "CategoryQuestion_categoryId_position_key" ON "CategoryQuestion"("categoryId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Department_guildId_name_key" ON "Department"("guildId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Panel_guildId_key_key" ON "Panel"("guildId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_channelId_key" ON "Ticket"("channelId");

-- CreateIndex
CREATE INDEX "Ticket_guildId_status_idx" ON "Ticket"("guildId", "status");

-- CreateIndex
CREATE INDEX "Ticket_guildId_openerId_createdAt_idx" ON "Ticket"("guildId", "openerId", "createdAt");

-- CreateIndex
CREATE INDEX "Ticket_status_scheduledCloseAt_idx" ON "Ticket"("status", "scheduledCloseAt");

-- CreateIndex
CREATE INDEX "Ticket_status_lastActivityAt_idx" ON "Ticket"("status", "lastActivityAt");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_guildId_number_key" ON "Ticket"("guildId", "number");

-- CreateIndex
CREATE INDEX "TicketParticipant_guildId_userId_idx" ON "TicketParticipant"("guildId", "userId");

-- CreateIndex
CREATE INDEX "TicketNote_ticketId_idx" ON "TicketNote"("ticketId");

-- CreateIndex
CREATE INDEX "TicketNote_guildId_idx" ON "TicketNote"("guildId");

-- CreateIndex
CREATE UNIQUE INDEX "Feedback_ticketId_key" ON "Feedback"("ticketId");

-- CreateIndex
CREATE INDEX "Feedback_guildId_idx" ON "Feedback"("guildId");

-- CreateIndex
CREATE INDEX "StaffResponse_guildId_staffId_idx" ON "StaffResponse"("guildId", "staffId");

-- CreateIndex
CREATE INDEX "AuditEvent_guildId_createdAt_idx" ON "AuditEvent"("guildId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_ticketId_createdAt_idx" ON "AuditEvent"("ticketId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BlacklistEntry_guildId_userId_key" ON "BlacklistEntry"("guildId", "userId");

-- CreateIndex
CREATE INDEX "StaffWarning_guildId_staffId_idx" ON "StaffWarning"("guildId", "staffId");

-- CreateIndex
CREATE INDEX "SecurityEvent_guildId_createdAt_idx" ON "SecurityEvent"("guildId", "createdAt");

-- CreateIndex
CREATE INDEX "SecurityEvent_guildId_type_createdAt_idx" ON "SecurityEvent"("guildId", "type", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ConfigBackup_guildId_filename_key" ON "ConfigBackup"("guildId", "filename");

