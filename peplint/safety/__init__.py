"""Safe reading of untrusted files: pre-flight checks, isolated workers, run manifests."""
