// Evidence of relations: (:Article)-[:STATES {key, hash, quote, confidence, modality}]->(:Entity),
// one per article and quote, where key is the relation's id (from|TYPE|to). The relation's
// edge keeps only aggregates; these indexes find its evidence, and records already loaded.
CREATE INDEX states_key IF NOT EXISTS FOR ()-[s:STATES]-() ON (s.key);
CREATE INDEX states_hash IF NOT EXISTS FOR ()-[s:STATES]-() ON (s.hash);
