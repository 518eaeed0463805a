/**
 * Demo data of the demo library systems ({@code tenants/<slug>/demo/}): read and checked with file, line and field,
 * then applied through the other contexts' controls, once, and only where {@code servicepoint.demo.data} is set.
 */
package org.servicepoint.demo.control;
