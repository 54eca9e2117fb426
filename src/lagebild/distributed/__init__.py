"""Scale-out: the same pipeline on a Dask distributed cluster (local or remote)."""

from lagebild.distributed.runner import analyze_shard, ingest_distributed

__all__ = ["analyze_shard", "ingest_distributed"]
