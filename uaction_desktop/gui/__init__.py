"""The desktop window. The only package that imports Qt; everything else lives in the core."""
