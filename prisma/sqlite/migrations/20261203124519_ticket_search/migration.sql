-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "answersText" TEXT NOT NULL DEFAULT '';

-- The answers' text of tickets opened before this column.
UPDATE "Ticket" SET "answersText" = COALESCE(
    (SELECT group_concat(json_extract("value", '$.answer'), char(10)) FROM json_each("Ticket"."answers")), '')
WHERE json_valid("answers") AND "answers" <> '[]';

-- Full-text index over archived messages (rowid = message id * 2) and answers (rowid = ticket id * 2 + 1),
-- kept by triggers so that no write path can forget it.
CREATE VIRTUAL TABLE "TicketSearch" USING fts5(
    "body", "guildId" UNINDEXED, "ticketId" UNINDEXED, tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO "TicketSearch" (rowid, "body", "guildId", "ticketId")
SELECT "id" * 2, "content", "guildId", "ticketId" FROM "TicketMessage";
INSERT INTO "TicketSearch" (rowid, "body", "guildId", "ticketId")
SELECT "id" * 2 + 1, "answersText", "guildId", "id" FROM "Ticket" WHERE "answersText" <> '';

CREATE TRIGGER "TicketMessage_search_insert" AFTER INSERT ON "TicketMessage" BEGIN
    INSERT INTO "TicketSearch" (rowid, "body", "guildId", "ticketId")
    VALUES (new."id" * 2, new."content", new."guildId", new."ticketId");
END;
CREATE TRIGGER "TicketMessage_search_update" AFTER UPDATE OF "content" ON "TicketMessage" BEGIN
    UPDATE "TicketSearch" SET "body" = new."content" WHERE rowid = new."id" * 2;
END;
CREATE TRIGGER "TicketMessage_search_delete" AFTER DELETE ON "TicketMessage" BEGIN
    DELETE FROM "TicketSearch" WHERE rowid = old."id" * 2;
END;
CREATE TRIGGER "Ticket_search_insert" AFTER INSERT ON "Ticket" WHEN new."answersText" <> '' BEGIN
    INSERT INTO "TicketSearch" (rowid, "body", "guildId", "ticketId")
    VALUES (new."id" * 2 + 1, new."answersText", new."guildId", new."id");
END;
CREATE TRIGGER "Ticket_search_update" AFTER UPDATE OF "answersText" ON "Ticket" BEGIN
    DELETE FROM "TicketSearch" WHERE rowid = old."id" * 2 + 1;
    INSERT INTO "TicketSearch" (rowid, "body", "guildId", "ticketId")
    SELECT new."id" * 2 + 1, new."answersText", new."guildId", new."id" WHERE new."answersText" <> '';
END;
CREATE TRIGGER "Ticket_search_delete" AFTER DELETE ON "Ticket" BEGIN
    DELETE FROM "TicketSearch" WHERE rowid = old."id" * 2 + 1;
END;
