// Names and aliases for search and for resolving references by name. Folding makes it
// insensitive to case and diacritics (Türkiye = turkiye). Eventually consistent: index
// updates leave the commit path, which keeps bulk loads fast.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliases, e.names]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: true}};
