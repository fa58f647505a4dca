"""The methodology knowledge base: cards and rules (data), ingestion, chunking, embeddings, retrieval."""
