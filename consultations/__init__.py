"""The hub's consultation desk: organizations ask for help, consultants handle cases.

Cases are confidential: only consultants and administrators see them. What
leaves the desk is counts (`consultations.statistics`), never a case.
"""
