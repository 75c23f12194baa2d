import { defineStore, acceptHMRUpdate } from 'pinia'

















