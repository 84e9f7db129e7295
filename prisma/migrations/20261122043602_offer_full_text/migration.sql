-- French full-text search on offers, for the degraded mode when Meilisearch is down.
-- The `french` configuration alone finds nothing for accent-free queries ("ingenieur mecanique"),
-- so `vte_french` runs unaccent before the French stemmer.
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION vte_french (COPY = french);
ALTER TEXT SEARCH CONFIGURATION vte_french
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;

-- AlterTable
ALTER TABLE "offer" ADD COLUMN     "search_vector" tsvector;

-- Title words weigh more than description words.
CREATE FUNCTION offer_search_vector_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('vte_french', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('vte_french', coalesce(NEW.description, '')), 'B');
  RETURN NEW;
END
$$;

CREATE TRIGGER offer_search_vector
  BEFORE INSERT OR UPDATE OF title, description ON "offer"
  FOR EACH ROW EXECUTE FUNCTION offer_search_vector_update();

UPDATE "offer" SET search_vector =
  setweight(to_tsvector('vte_french', coalesce(title, '')), 'A') ||
  setweight(to_tsvector('vte_french', coalesce(description, '')), 'B');

-- CreateIndex
CREATE INDEX "offer_search_vector_idx" ON "offer" USING GIN ("search_vector");
