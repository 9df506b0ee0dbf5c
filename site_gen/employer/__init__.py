"""The employer side: contacts with companies (with or without a case), subsidy facts and sheets."""
