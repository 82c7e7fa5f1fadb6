-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "answersText" TEXT NOT NULL DEFAULT '';

-- The answers' text of tickets opened before this column.
UPDATE "Ticket" SET "answersText" = COALESCE(
    (SELECT string_agg("answer"->>'answer', E'\n') FROM jsonb_array_elements("Ticket"."answers"::jsonb) AS "answer"), '')
WHERE "answers" LIKE '[%' AND "answers" <> '[]';

-- Full-text indexes over archived messages and answers ('simple': every language, no stemming).
CREATE INDEX "TicketMessage_content_search_idx" ON "TicketMessage" USING GIN (to_tsvector('simple', "content"));
CREATE INDEX "Ticket_answersText_search_idx" ON "Ticket" USING GIN (to_tsvector('simple', "answersText"));
