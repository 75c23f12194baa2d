"""Layout planners: the node_modules another package manager (or mode) would write for a graph."""
