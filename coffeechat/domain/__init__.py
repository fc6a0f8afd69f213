"""The pure core: plain Python over plain data. Nothing here imports Django or reads a clock."""
