/**
 * Names of the CWE weaknesses web applications such as Open edX report, from MITRE's CWE
 * list (https://cwe.mitre.org/). CSAF needs the official name next to each CWE id, and its
 * validators compare the two, so only names copied from the list belong here. An id this
 * table lacks still reaches CSAF, as a note instead of the structured field: add its name here.
 */
export const CWE_NAMES: Readonly<Record<string, string>> = {
  'CWE-20': 'Improper Input Validation',
  'CWE-22': "Improper Limitation of a Pathname to a Restricted Directory ('Path Traversal')",
  'CWE-77': "Improper Neutralization of Special Elements used in a Command ('Command Injection')",
  'CWE-78': "Improper Neutralization of Special Elements used in an OS Command ('OS Command Injection')",
  'CWE-79': "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')",
  'CWE-89': "Improper Neutralization of Special Elements used in an SQL Command ('SQL Injection')",
  'CWE-94': "Improper Control of Generation of Code ('Code Injection')",
  'CWE-116': 'Improper Encoding or Escaping of Output',
  'CWE-200': 'Exposure of Sensitive Information to an Unauthorized Actor',
  'CWE-209': 'Generation of Error Message Containing Sensitive Information',
  'CWE-269': 'Improper Privilege Management',
  'CWE-284': 'Improper Access Control',
  'CWE-285': 'Improper Authorization',
  'CWE-287': 'Improper Authentication',
  'CWE-306': 'Missing Authentication for Critical Function',
  'CWE-307': 'Improper Restriction of Excessive Authentication Attempts',
  'CWE-312': 'Cleartext Storage of Sensitive Information',
  'CWE-319': 'Cleartext Transmission of Sensitive Information',
  'CWE-345': 'Insufficient Verification of Data Authenticity',
  'CWE-347': 'Improper Verification of Cryptographic Signature',
  'CWE-352': 'Cross-Site Request Forgery (CSRF)',
  'CWE-359': 'Exposure of Private Personal Information to an Unauthorized Actor',
  'CWE-384': 'Session Fixation',
  'CWE-400': 'Uncontrolled Resource Consumption',
  'CWE-434': 'Unrestricted Upload of File with Dangerous Type',
  'CWE-502': 'Deserialization of Untrusted Data',
  'CWE-532': 'Insertion of Sensitive Information into Log File',
  'CWE-601': "URL Redirection to Untrusted Site ('Open Redirect')",
  'CWE-611': 'Improper Restriction of XML External Entity Reference',
  'CWE-613': 'Insufficient Session Expiration',
  'CWE-639': 'Authorization Bypass Through User-Controlled Key',
  'CWE-640': 'Weak Password Recovery Mechanism for Forgotten Password',
  'CWE-668': 'Exposure of Resource to Wrong Sphere',
  'CWE-732': 'Incorrect Permission Assignment for Critical Resource',
  'CWE-770': 'Allocation of Resources Without Limits or Throttling',
  'CWE-862': 'Missing Authorization',
  'CWE-863': 'Incorrect Authorization',
  'CWE-915': 'Improperly Controlled Modification of Dynamically-Determined Object Attributes',
  'CWE-918': 'Server-Side Request Forgery (SSRF)',
  'CWE-1021': 'Improper Restriction of Rendered UI Layers or Frames',
  'CWE-1236': 'Improper Neutralization of Formula Elements in a CSV File',
  'CWE-1333': 'Inefficient Regular Expression Complexity',
  'CWE-1336': 'Improper Neutralization of Special Elements Used in a Template Engine',
};

export const cweName = (id: string): string | undefined => CWE_NAMES[id];

/**
 * What people type when they look for a weakness: abbreviations and everyday names that the
 * official name does not contain. The search index adds them to every advisory with the CWE
 * (src/model/search-records.ts), so "xss" finds a stored cross-site scripting advisory.
 */
export const CWE_SEARCH_TERMS: Readonly<Record<string, readonly string[]>> = {
  'CWE-22': ['path traversal', 'directory traversal', 'LFI'],
  'CWE-77': ['command injection', 'RCE'],
  'CWE-78': ['command injection', 'shell injection', 'RCE'],
  'CWE-79': ['XSS', 'cross-site scripting', 'script injection'],
  'CWE-89': ['SQL injection', 'SQLi'],
  'CWE-94': ['code injection', 'RCE', 'remote code execution'],
  'CWE-200': ['information disclosure', 'data leak'],
  'CWE-209': ['information disclosure'],
  'CWE-284': ['access control', 'authorization'],
  'CWE-285': ['authorization', 'access control'],
  'CWE-287': ['authentication bypass'],
  'CWE-306': ['authentication bypass'],
  'CWE-307': ['brute force', 'rate limit'],
  'CWE-352': ['CSRF', 'XSRF', 'cross-site request forgery'],
  'CWE-359': ['privacy', 'PII', 'information disclosure'],
  'CWE-384': ['session fixation'],
  'CWE-400': ['DoS', 'denial of service'],
  'CWE-434': ['file upload'],
  'CWE-502': ['deserialization', 'RCE'],
  'CWE-601': ['open redirect', 'redirect'],
  'CWE-611': ['XXE', 'XML external entity'],
  'CWE-613': ['session expiration', 'session'],
  'CWE-639': ['IDOR', 'insecure direct object reference', 'authorization', 'access control'],
  'CWE-770': ['DoS', 'denial of service', 'rate limit'],
  'CWE-862': ['missing authorization', 'access control'],
  'CWE-863': ['authorization', 'access control'],
  'CWE-915': ['mass assignment'],
  'CWE-918': ['SSRF', 'server-side request forgery'],
  'CWE-1021': ['clickjacking'],
  'CWE-1236': ['CSV injection', 'formula injection'],
  'CWE-1333': ['ReDoS', 'regular expression denial of service'],
  'CWE-1336': ['SSTI', 'template injection'],
};
