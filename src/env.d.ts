/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    user: import('./server/auth/sessions').User | null;
    session: import('./server/auth/sessions').Session | null;
  }
}
