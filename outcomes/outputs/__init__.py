"""What the product writes out: the facts behind every output, the report's drafts, its Markdown, Word
and PDF writers, the funder deck, and table and chart downloads."""
