-- CreateTable
CREATE TABLE "GuildSettings" (
    "guildId" TEXT NOT NULL,
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
    "lockdownAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GuildSettings_pkey" PRIMARY KEY ("guildId")
);

-- CreateTable
CREATE TABLE "TicketCounter" (
    "guildId" TEXT NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TicketCounter_pkey" PRIMARY KEY ("guildId")
);

-- CreateTable
CREATE TABLE "Category" (
    "id" SERIAL NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CategoryQuestion" (
    "id" SERIAL NOT NULL,
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

    CONSTRAINT "CategoryQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Department" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "staffRoleIds" TEXT NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Panel" (
    "id" SERIAL NOT NULL,
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
    "deployedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Panel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ticket" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "channelId" TEXT,
    "categoryId" INTEGER,
    "departmentId" INTEGER,
    "openerId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "claimedById" TEXT,
    "claimedAt" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'open',
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "priority" TEXT NOT NULL DEFAULT 'normal',
    "tags" TEXT NOT NULL DEFAULT '[]',
    "escalationLevel" INTEGER NOT NULL DEFAULT 0,
    "answers" TEXT NOT NULL DEFAULT '[]',
    "slaDueAt" TIMESTAMP(3),
    "firstResponseAt" TIMESTAMP(3),
    "firstResponderId" TEXT,
    "lastActivityAt" TIMESTAMP(3),
    "openerLastActivityAt" TIMESTAMP(3),
    "inactivityWarnedAt" TIMESTAMP(3),
    "scheduledCloseAt" TIMESTAMP(3),
    "scheduledCloseById" TEXT,
    "scheduledCloseReason" TEXT,
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,
    "closeReason" TEXT,
    "softDeletedAt" TIMESTAMP(3),
    "purgedAt" TIMESTAMP(3),
    "transcriptHtmlPath" TEXT,
    "transcriptTxtPath" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Ticket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketParticipant" (
    "ticketId" INTEGER NOT NULL,
    "guildId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "addedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketParticipant_pkey" PRIMARY KEY ("ticketId","userId")
);

-- CreateTable
CREATE TABLE "TicketNote" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "authorId" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "stars" INTEGER NOT NULL,
    "message" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffResponse" (
    "ticketId" INTEGER NOT NULL,
    "guildId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "firstAt" TIMESTAMP(3) NOT NULL,
    "lastAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StaffResponse_pkey" PRIMARY KEY ("ticketId","staffId")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "ticketId" INTEGER,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "targetId" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BlacklistEntry" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BlacklistEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffWarning" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffWarning_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SecurityEvent" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "userId" TEXT,
    "channelId" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SecurityEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConfigBackup" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "checksum" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConfigBackup_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "CategoryQuestion" ADD CONSTRAINT "CategoryQuestion_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketParticipant" ADD CONSTRAINT "TicketParticipant_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketNote" ADD CONSTRAINT "TicketNote_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffResponse" ADD CONSTRAINT "StaffResponse_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

