"""The Qt user interface: thin views over the core, driven by signals."""
