"""The moderation hooks for chat bots: HTTP (``/v1/moderate``) and OneBot v11 for QQ.

``create_app`` builds the FastAPI app (also the uvicorn factory ``copilot.server:create_app``);
``guard`` holds what the hook trusts and refuses; ``onebot`` the QQ protocol.
"""

from copilot.server.app import Moderators, create_app
from copilot.server.guard import bind_problem
from copilot.server.onebot import quick_operation

__all__ = ["Moderators", "bind_problem", "create_app", "quick_operation"]
