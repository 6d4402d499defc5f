//! Fuzz harness for the macro front end (written by the hardening work).
