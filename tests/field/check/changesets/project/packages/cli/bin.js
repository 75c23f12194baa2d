







await import("@changesets/cli");
