"""Scheduled jobs. Each is a plain function of (engine, settings) that the CLI, the daemon and tests call."""
