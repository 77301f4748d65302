"""The local preview page where a comms team sees and edits every channel side by side."""
