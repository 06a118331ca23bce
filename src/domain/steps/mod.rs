//! Streaming step detector (placeholder until the detector lands).
