import { ref, toRaw, watch } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { getRandomJoke, Joke } from '../api/jokes'
import useSWRV from 'swrv'





















