"""Start the operator UI and the moderation hooks on one server (127.0.0.1:$GRADIO_SERVER_PORT, default 7860)."""

from copilot.ui.app import main

if __name__ == "__main__":
    main()
