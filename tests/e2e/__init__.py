"""Test package (unique module names: tests/dashboard and tests/e2e both hold a test_data_page.py)."""
